'use strict';

// One call through one official SDK: `node run-case.js <sdk> <variant> <Action>`, where
//   sdk pop-core  variant v2-get | v2-form   (@alicloud/pop-core RPCClient: query string, or form body)
//   sdk ecs       variant v2 | v3            (@alicloud/ecs20140526 over @alicloud/openapi-core)
//   sdk openapi   variant v2 | v3            (@alicloud/openapi-client's generic callApi)
// The endpoint, keys and parameters come from the environment (INTEROP_ENDPOINT, INTEROP_ACCESS_KEY_ID,
// INTEROP_ACCESS_KEY_SECRET, optional INTEROP_SECURITY_TOKEN, INTEROP_PARAMS as a JSON object of wire names).
// Prints one JSON line: the HTTP status, the error code if any, the answer's body and the requests sent.
const { sent } = require('./wire');
const sdks = require('./sdks');

async function main() {
  const [sdk, variant, action] = process.argv.slice(2);
  const call = sdks[sdk];
  if (!call) throw new Error(`unknown sdk ${sdk}`);
  const env = process.env;
  const target = {
    endpoint: env.INTEROP_ENDPOINT.replace(/\/$/, ''),
    accessKeyId: env.INTEROP_ACCESS_KEY_ID,
    accessKeySecret: env.INTEROP_ACCESS_KEY_SECRET,
    securityToken: env.INTEROP_SECURITY_TOKEN || undefined,
  };
  const params = JSON.parse(env.INTEROP_PARAMS || '{}');
  let outcome;
  try {
    outcome = { ...(await call(variant, action, params, target)), code: null };
  } catch (error) {
    if (!error.data) throw error;
    // Each SDK raises a service error its own way; the answer's body is in every one of them.
    const status = error.statusCode || error.data.statusCode || error.entry?.response.statusCode;
    outcome = { status, code: error.data.Code || error.code, body: error.data };
  }
  process.stdout.write(JSON.stringify({ ...outcome, sent }) + '\n');
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ crash: String(error && error.stack || error), sent }) + '\n');
  process.exitCode = 1;
});

'use strict';

// The three official SDKs, each called the way its documentation shows, pointed at the emulator. Each is loaded
// only by the cases that use it: @alicloud/ecs20140526 alone takes half a second to load.

const STS_VERSION = '2015-04-01';
const ECS_VERSION = '2014-05-26';
const versionOf = (action) => (action.startsWith('AssumeRole') ? STS_VERSION : ECS_VERSION);

// V2 is the SDKs' 'v2' signature algorithm (HMAC-SHA1 RPC); their default is V3 (ACS3-HMAC-SHA256).
const algorithmOf = (variant) => {
  if (variant === 'v2') return 'v2';
  if (variant === 'v3') return undefined;
  throw new Error(`unknown variant ${variant}`);
};

async function popCore(variant, action, params, target) {
  if (variant !== 'v2-get' && variant !== 'v2-form') throw new Error(`unknown variant ${variant}`);
  const RPCClient = require('@alicloud/pop-core');
  const client = new RPCClient({ ...target, apiVersion: versionOf(action) }, true);
  // pop-core puts everything in the query for GET and everything in a form body for exactly 'POST'.
  const options = { method: variant === 'v2-get' ? 'GET' : 'POST', timeout: 10000 };
  const [body, entry] = await client.request(action, params, options);
  return { status: entry.response.statusCode, body };
}

// @alicloud/ecs20140526 takes typed request models named in camelCase; names() maps them to the wire names.
function ecsRequest(Ecs, action, params) {
  const Model = Ecs[`${action}Request`];
  if (!Model) throw new Error(`@alicloud/ecs20140526 has no ${action}Request`);
  const byWireName = Object.fromEntries(Object.entries(Model.names()).map(([field, wire]) => [wire, field]));
  const fields = {};
  for (const [wire, value] of Object.entries(params)) {
    if (!byWireName[wire]) throw new Error(`${action}Request has no ${wire}`);
    fields[byWireName[wire]] = value;
  }
  return new Model(fields);
}

// Both generated clients take the same Config; the endpoint is a host, the scheme comes from protocol.
function configOf(Config, variant, target) {
  return new Config({
    accessKeyId: target.accessKeyId,
    accessKeySecret: target.accessKeySecret,
    securityToken: target.securityToken,
    endpoint: new URL(target.endpoint).host,
    protocol: 'HTTP',
    signatureAlgorithm: algorithmOf(variant),
  });
}

async function ecs(variant, action, params, target) {
  const Ecs = require('@alicloud/ecs20140526');
  const OpenApiCore = require('@alicloud/openapi-core');
  const client = new Ecs.default(configOf(OpenApiCore.$OpenApiUtil.Config, variant, target));
  const method = action.charAt(0).toLowerCase() + action.slice(1);
  const response = await client[method](ecsRequest(Ecs, action, params));
  return { status: response.statusCode, body: response.body.toMap() };
}

async function openApi(variant, action, params, target) {
  const OpenApi = require('@alicloud/openapi-client');
  const client = new OpenApi.default(configOf(OpenApi.Config, variant, target));
  const apiParams = new OpenApi.Params({
    action, version: versionOf(action), protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  // The generic client sends the query as given: the wire carries strings.
  const query = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  const request = new OpenApi.OpenApiRequest({ query });
  const response = await client.callApi(apiParams, request, {});
  return { status: response.statusCode, body: response.body };
}

module.exports = { 'pop-core': popCore, ecs, openapi: openApi };

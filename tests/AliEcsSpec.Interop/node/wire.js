'use strict';

// Records what actually leaves the process, so that a test can tell which variant an SDK used (where the parameters
// went, which signature) from the request itself rather than from what the SDK's options promise. Every SDK here
// sends through httpx, which calls http.request through the module object, so patching that object sees them all.
const http = require('http');

const sent = [];
const original = http.request;

http.request = function request(options, ...rest) {
  const entry = { method: options.method, path: options.path, headers: { ...options.headers }, body: '' };
  sent.push(entry);
  const req = original.call(this, options, ...rest);
  const write = req.write;
  const end = req.end;
  req.write = function (chunk, ...args) {
    if (chunk) entry.body += chunk.toString();
    return write.call(this, chunk, ...args);
  };
  req.end = function (chunk, ...args) {
    if (chunk && typeof chunk !== 'function') entry.body += chunk.toString();
    return end.call(this, chunk, ...args);
  };
  return req;
};

module.exports = { sent };

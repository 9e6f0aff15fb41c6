// Preloaded (`node --require`) into the server and the CLI by the security tests: every attempt to
// open a network connection, resolve a name or start a process is written to the file named by
// SCOPE_NETGUARD_LOG and then fails. Worker threads inherit the preload.
'use strict';
const fs = require('node:fs');
const log = process.env.SCOPE_NETGUARD_LOG;

function record(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`blocked by the test: ${what}`);
}

const net = require('node:net');
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const target = args[0];
  // A pipe given by path (an IPC transport) is not the network; anything with a host or port is.
  if (typeof target === 'object' && target !== null && ('host' in target || 'port' in target))
    record(`net connect ${JSON.stringify(target)}`);
  if (typeof target === 'number') record(`net connect port ${target}`);
  return originalConnect.apply(this, args);
};
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host) => record(`dns ${name} ${host}`);
  if (dns.promises) dns.promises[name] = async (host) => record(`dns ${name} ${host}`);
}
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = (target) => record(`${mod} request ${String(target && target.href ? target.href : JSON.stringify(target))}`);
  m.get = m.request;
}
require('node:tls').connect = () => record('tls connect');
require('node:dgram').createSocket = () => record('udp socket');
if (typeof globalThis.fetch === 'function') globalThis.fetch = async (url) => record(`fetch ${String(url)}`);
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  cp[name] = (command) => record(`child_process.${name} ${String(command)}`);
}

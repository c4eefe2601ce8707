/**
 * Preloaded into the Microsoft 365 Agents Playground by scripts/playground.ts: its server calls
 * listen(port) with no host, which binds every interface. The playground drives an
 * unauthenticated local bot, so keep it on this machine: a listen without a host gets 127.0.0.1.
 */
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  if ((typeof args[0] === 'number' || typeof args[0] === 'string') && /^\d+$/.test(String(args[0])) && typeof args[1] !== 'string') {
    args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};

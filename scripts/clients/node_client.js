// Node client for scripts/capture-clienthello.py: tls.connect with its defaults,
// certificate checks off (they do not change the ClientHello).
// Usage: node node_client.js PORT
const tls = require('tls');
const port = Number(process.argv[2]);
const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
  console.log('connected', s.getProtocol(), s.getCipher().standardName);
  s.end();
});
s.setTimeout(10000, () => { console.log('failed timeout'); process.exit(1); });
s.on('error', (e) => { console.log('failed', e.message); process.exit(1); });

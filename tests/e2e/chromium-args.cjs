// The flags every headless Chromium of the project starts with (end-to-end tests and bench/):
// root needs --no-sandbox, and this machine's closed network needs the background traffic off.
'use strict';

module.exports = [
  '--headless=new',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

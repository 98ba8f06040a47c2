// A small SMTP server for the fault suite, whose faults the suite switches: 'up' (takes every mail), 'down'
// (not listening: connection refused), 'hang' (takes the connection, never greets), 'slow' (stores the mail,
// then confirms it only after slowMs: longer than the client's time-out means "stored but confirmed late").
// Every stored mail is kept with its Message-ID and the application's X-VOM-Case / X-VOM-Message headers.
import net from 'net';

export class SmtpSink {
  constructor(port) {
    this.port = port;
    this.mode = 'up';
    this.slowMs = 0;
    this.mails = [];
    this.sockets = new Set();
    this.server = null;
  }

  async up() {
    this.mode = 'up';
    this.slowMs = 0;
    await this.listen();
  }

  /** Not listening any more: the client's connection is refused. */
  async down() {
    this.mode = 'down';
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise(resolve => server.close(resolve));
  }

  async hang() {
    this.mode = 'hang';
    await this.listen();
  }

  async slow(ms) {
    this.mode = 'slow';
    this.slowMs = ms;
    await this.listen();
  }

  async listen() {
    if (this.server) return;
    this.server = net.createServer(socket => this.session(socket));
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', resolve);
    });
  }

  session(socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    if (this.mode === 'hang') return;
    const write = text => { if (!socket.destroyed) socket.write(text); };
    write('220 faults-sink ESMTP\r\n');
    let buffer = '';
    let inData = false;
    let lines = [];
    const handle = line => {
      if (inData) {
        if (line === '.') {
          inData = false;
          this.store(lines);
          lines = [];
          const confirm = () => write('250 2.0.0 queued\r\n');
          if (this.mode === 'slow') setTimeout(confirm, this.slowMs); else confirm();
        } else {
          lines.push(line.startsWith('..') ? line.slice(1) : line);
        }
        return;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') write('250-faults-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
      else if (verb === 'HELO') write('250 faults-sink\r\n');
      else if (verb === 'DATA') { inData = true; write('354 end with .\r\n'); }
      else if (verb === 'QUIT') { write('221 bye\r\n'); socket.end(); }
      else if (['MAIL', 'RCPT', 'RSET', 'NOOP'].includes(verb)) write('250 OK\r\n');
      else write('502 not implemented\r\n');
    };
    socket.on('data', chunk => {
      buffer += chunk.toString('latin1');
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        handle(line);
      }
    });
  }

  store(lines) {
    const headers = {};
    let last = null;
    for (const line of lines) {
      if (line === '') break;
      if (/^\s/.test(line) && last) { headers[last] += ' ' + line.trim(); continue; }
      const colon = line.indexOf(':');
      if (colon > 0) { last = line.slice(0, colon).toLowerCase(); headers[last] = line.slice(colon + 1).trim(); }
    }
    this.mails.push({ messageId: headers['message-id'], caseNumber: headers['x-vom-case'], message: headers['x-vom-message'],
      at: Date.now() });
  }

  /** The mails received for these case numbers. */
  of(caseNumbers) {
    const wanted = new Set(caseNumbers);
    return this.mails.filter(mail => wanted.has(mail.caseNumber));
  }

  async close() {
    await this.down();
  }
}

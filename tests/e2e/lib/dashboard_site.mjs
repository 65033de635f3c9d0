// A whole venue for the dashboard's browser tests, made of the real programs: einlass-admin
// creates an event running today (Europe/Berlin), imports registrations, writes their ticket
// sheets as PNGs, adds staff accounts, sets up the server and provisions kiosks; einlass-server
// serves sync and the dashboard; einlass-kiosk runs each kiosk with a dir: scanner and a file:
// printer inside a temp folder.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LineProcess } from './process.mjs';

// A port nobody listens on right now (the sync port must be known before the server starts:
// kiosk bundles point at it).
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Today's date in the event's time zone, as einlass-admin init wants it.
export function todayIn(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit',
                                            day: '2-digit' }).format(new Date());
}

function csvField(text) {
  return `"${String(text).replaceAll('"', '""')}"`;
}

export class DashboardSite {
  // programs: { admin, server, kiosk } paths (CMake passes them).
  constructor(programs) {
    this.programs = programs;
    this.kiosks = new Map();
    this.people = [];
    this.codes = [];
  }

  admin(args, { input } = {}) {
    try {
      return execFileSync(this.programs.admin, ['--db', this.db, ...args],
                          { encoding: 'utf8', input, timeout: 120_000,
                            stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
      throw new Error(`einlass-admin ${args.join(' ')} failed: ${error.stderr || error.message}`);
    }
  }

  // people: [{name, organisation, category}]; staff: [{login, role, password}].
  async create({ people, staff, eventName = 'Digitaler Staat Halle', timeZone = 'Europe/Berlin',
                 kiosks = ['K1', 'K2'] }) {
    this.dir = await mkdtemp(join(tmpdir(), 'einlass-dashboard-e2e-'));
    this.db = join(this.dir, 'event.db');
    this.people = people;
    this.admin(['init', '--name', eventName, '--first-day', todayIn(timeZone), '--days', '2',
                '--time-zone', timeZone]);
    const csv = ['id,name,organisation,email,category,days'];
    people.forEach((p, i) => {
      csv.push([`R-${i + 1}`, csvField(p.name), csvField(p.organisation || ''),
                `p${i + 1}@example.org`, p.category || 'Teilnehmer', ''].join(','));
    });
    await writeFile(join(this.dir, 'registrations.csv'), csv.join('\n') + '\n');
    this.admin(['import', join(this.dir, 'registrations.csv')]);
    // One code per line, in the order of the registrations (tickets T000001, T000002, ...).
    this.codes = this.admin(['tickets', '--format', 'text']).split('\n').filter(Boolean);
    if (this.codes.length !== people.length) {
      throw new Error(`${this.codes.length} ticket codes for ${people.length} people`);
    }
    for (const member of staff) {
      this.admin(['staff', 'add', member.login, '--role', member.role],
                 { input: `${member.password}\n` });
    }

    // Every person's ticket sheet as a PNG (tickets/T000001.png, ...), as attendees hold it up.
    this.tickets = join(this.dir, 'tickets');
    this.admin(['tickets', '--out', this.tickets, '--format', 'png']);

    this.syncPort = await freePort();
    const serverDir = join(this.dir, 'server');
    this.admin(['setup-server', '--out', serverDir, '--listen', `127.0.0.1:${this.syncPort}`,
                '--host', '127.0.0.1']);
    this.serverConfig = join(serverDir, 'server.toml');
    // The dashboard on any free port of the loopback interface; the server prints which.
    const config = await readFile(this.serverConfig, 'utf8');
    const web = config.search(/^\[web\]$/m);
    if (web < 0) throw new Error(`setup-server wrote no [web] section: ${config}`);
    await writeFile(this.serverConfig, config.slice(0, web) +
                    config.slice(web).replace(/^listen = .*$/m, 'listen = "127.0.0.1:0"'));

    for (const id of kiosks) {
      const bundle = join(this.dir, id);
      this.admin(['provision-kiosk', id, '--out', bundle]);
      await mkdir(join(bundle, 'frames'), { recursive: true });
      await mkdir(join(bundle, 'badges'), { recursive: true });
      await writeFile(join(bundle, 'kiosk.toml'), [
        '[kiosk]', `id = "${id}"`, 'replica = "replica.db"', '',
        '[devices]', 'scanners = ["dir:frames?repeat_gap_ms=0"]', 'printer = "file:badges"',
        'indicator = "sim:"', '',
        '[screen]', 'listen = "127.0.0.1:0"', 'result_seconds = 2', '',
        '[sync]', `server = "127.0.0.1:${this.syncPort}"`, 'ca = "tls/ca.crt"',
        'certificate = "tls/kiosk.crt"', 'private_key = "tls/kiosk.key"', 'heartbeat_seconds = 1',
        ''].join('\n'));
      this.kiosks.set(id, { bundle, frames: join(bundle, 'frames'), badges: join(bundle, 'badges') });
    }
    return this;
  }

  // Starts einlass-server; resolves to the dashboard's URL ("https://127.0.0.1:PORT/").
  async startServer() {
    this.server = new LineProcess(this.programs.server, ['--config', this.serverConfig],
                                  { name: 'einlass-server' });
    const [, url] = await this.server.waitForLine(/dashboard on (https:\/\/\S+\/)/,
                                                  { timeout: 30_000 });
    this.url = url;
    return url;
  }

  // Starts a kiosk and waits until it synced with the server once.
  async startKiosk(id) {
    const kiosk = this.kiosks.get(id);
    kiosk.process = new LineProcess(this.programs.kiosk, ['--config', join(kiosk.bundle, 'kiosk.toml')],
                                    { name: `einlass-kiosk ${id}` });
    await kiosk.process.waitForLine(/"event":"started"/, { timeout: 30_000 });
    await kiosk.process.waitForLine(/^(?=.*"event":"sync")(?=.*sync: online)/, { timeout: 30_000 });
    return kiosk;
  }

  // Person `index` (0-based)'s ticket sheet in front of kiosk `id`'s camera (`again`: shown a
  // second time); resolves to the kiosk's decision, parsed from its log line.
  async scan(id, index, { again = false } = {}) {
    const kiosk = this.kiosks.get(id);
    const ticket = this.ticketCode(index);
    const from = kiosk.process.lines.length;
    // Written under a dot name and renamed: the dir: scanner takes only whole files.
    const name = `p${index + 1}${again ? '-again' : ''}`;
    await copyFile(join(this.tickets, `${ticket}.png`), join(kiosk.frames, `.${name}.tmp`));
    await rename(join(kiosk.frames, `.${name}.tmp`), join(kiosk.frames, `${name}.png`));
    const line = await kiosk.process.waitForLine(
      new RegExp(`^(?=.*"event":"decision")(?=.*"ticket":"${ticket}")`), { from, timeout: 20_000 });
    return JSON.parse(line.input);
  }

  // "T000001" for person 0.
  ticketCode(index) {
    return `T${String(index + 1).padStart(6, '0')}`;
  }

  badges(id) {
    return this.kiosks.get(id).badges;
  }

  // Stops every process (SIGTERM, then waits) and removes the folder; returns the exit codes.
  async close() {
    const codes = {};
    const stop = async (name, child) => {
      if (!child) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      codes[name] = (await child.exited).code;
      clearTimeout(timer);
    };
    for (const [id, kiosk] of this.kiosks) await stop(id, kiosk.process);
    await stop('server', this.server);
    if (this.dir && !process.env.EINLASS_KEEP_E2E) await rm(this.dir, { recursive: true, force: true });
    return codes;
  }
}

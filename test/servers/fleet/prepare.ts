/** One server made ready to start: ports, config file, command line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPyftpdlib, preparePyftpdlib } from '../pyftpdlib';
import { HOST, PASSIVE_PORTS, SPECS, type ServerName, type ServerSpec, passwordFor, serversDir } from './specs';
import { type Certs } from './certificates';
import { allocatePorts } from './ports';
import { type Layout } from './work-dir';
import { vsftpdConfig } from './vsftpd';
import { proftpdConfig } from './proftpd';

export interface Prepared {
  name: ServerName;
  spec: ServerSpec;
  port: number;
  passiveBase: number;
  /** Ports reserved for this server in this process: control port and passive range. */
  reserved: { base: number; count: number }[];
  root: string;
  logFile: string | null;
  command: string;
  args: string[];
  /** Added to the server's environment. */
  env?: Record<string, string>;
}

export async function prepare(name: ServerName, layout: Layout, certs: Certs, pureDb: string): Promise<Prepared> {
  const spec = SPECS[name];
  const root = join(layout.homes, name);
  const port = await allocatePorts(1);
  const passiveBase = await allocatePorts(PASSIVE_PORTS);
  const reserved = [{ base: port, count: 1 }, { base: passiveBase, count: PASSIVE_PORTS }];
  const bin = (pkg: string, file: string): string => join(serversDir(), pkg, file);
  const confFile = join(layout.conf, `${name}.conf`);
  switch (spec.software) {
    case 'vsftpd': {
      const logFile = join(layout.logs, `${name}.log`);
      writeFileSync(confFile, vsftpdConfig(name, spec, port, passiveBase, root, logFile, layout, certs));
      return { name, spec, port, passiveBase, reserved, root, logFile, command: bin('vsftpd', 'usr/sbin/vsftpd'), args: [confFile] };
    }
    case 'proftpd': {
      const logFile = join(layout.logs, `${name}.log`);
      writeFileSync(confFile, proftpdConfig(name, spec, port, passiveBase, root, logFile, layout, certs));
      return { name, spec, port, passiveBase, reserved, root, logFile, command: bin('proftpd-core', 'usr/sbin/proftpd'), args: ['--nodaemon', '-c', confFile] };
    }
    case 'pureftpd': {
      const leaf = certs.leaves[spec.cert ?? 'server'];
      return {
        name, spec, port, passiveBase, reserved, root, logFile: null,
        command: bin('pure-ftpd', 'usr/sbin/pure-ftpd'),
        args: [
          '-S', `${HOST},${port}`, '-l', `puredb:${pureDb}`, '-Y', '3', '-2', `${leaf.cert},${leaf.key}`,
          '-p', `${passiveBase}:${passiveBase + PASSIVE_PORTS - 1}`, '-P', HOST, '-A', '-E', '-H', '-4',
          '-g', join(layout.conf, `${name}.pid`),
        ],
      };
    }
    case 'pyftpdlib': {
      if (!isPyftpdlib(name)) throw new Error(`fleet: ${name} is not a pyftpdlib variant`);
      const logFile = join(layout.logs, `${name}.log`);
      const launch = preparePyftpdlib({
        name, host: HOST, port, passivePorts: [passiveBase, passiveBase + PASSIVE_PORTS - 1], root, confFile: `${confFile}.json`, logFile,
        password: passwordFor(spec.user), cert: spec.cert ? certs.leaves[spec.cert] : null,
      });
      return { name, spec, port, passiveBase, reserved, root, logFile, ...launch };
    }
  }
}

import { writeFileSync } from 'node:fs';
import { startFleet } from '../servers/fleet';
const fleet = await startFleet({ workDir: '/work/empty-upload/fleet', only: ['vsftpd-explicit', 'vsftpd-implicit', 'proftpd-explicit', 'proftpd-implicit', 'pureftpd-explicit', 'vsftpd-plain'] });
writeFileSync('/work/empty-upload/fleet.json', JSON.stringify(fleet.info));
console.log('ready');
const stop = () => { void fleet.stop().then(() => process.exit(0)); };
process.on('SIGTERM', stop); process.on('SIGINT', stop);
setInterval(() => {}, 1 << 30);

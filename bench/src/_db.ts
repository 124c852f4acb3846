import { startMongo } from '@keyward/test-harness';

const db = await startMongo({ dataDir: '/tmp/wt-bench-db' });
console.log(db.url);
process.on('SIGTERM', async () => {
  await db.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);

import { createServer } from 'node:net';

export type NamedPort = { name: string; port: number };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Throws one error naming every port already in use and the variable that moves it. */
export async function checkPortsFree(ports: readonly NamedPort[]): Promise<void> {
  const taken: string[] = [];
  for (const { name, port } of ports) if (!(await isFree(port))) taken.push(`${port} (${name})`);
  if (taken.length) {
    throw new Error(
      `port(s) already in use: ${taken.join(', ')} — stop what uses them or set the variable`,
    );
  }
}

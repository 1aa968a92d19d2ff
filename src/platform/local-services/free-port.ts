import { createServer } from 'node:net';

function tryPort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first free loopback port from `start`, or one the OS picks. */
export async function findFreePort(start: number): Promise<number> {
  for (let p = start; p < start + 50; p += 1) if (await tryPort(p)) return p;
  return ephemeralPort();
}

/**
 * A free loopback port the OS picks from its ephemeral range: for processes started side by side
 * (several benchmark runs at once), where "the first free port from N" hands two of them the same port
 * and one then talks to the other's server.
 */
export function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

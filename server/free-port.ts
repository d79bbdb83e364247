import { createServer, type AddressInfo } from "node:net";

/** A port that was free a moment ago on 127.0.0.1 (for local processes, benches and tests). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

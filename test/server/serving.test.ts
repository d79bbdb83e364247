/**
 * How the server sends the built client over HTTP: gzipped or brotli-compressed as the browser asks (and plain
 * when it does not), hashed assets cached for a year as immutable, index.html checked again on every load.
 */
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIST, ensureClientBuilt, startE2EServer, type E2EServer } from "../e2e/helpers.ts";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the headers given (no client library that decompresses on its own). */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

let server: E2EServer;
let mapChunk: string;

beforeAll(async () => {
  await ensureClientBuilt();
  server = await startE2EServer();
  mapChunk = readdirSync(join(CLIENT_DIST, "assets")).find((f) => /^map-.*\.js$/.test(f))!;
}, 120_000);
afterAll(() => server.stop());

describe("serving the client", () => {
  it("compresses a script as the browser asks: gzip, brotli, or not at all", async () => {
    const file = readFileSync(join(CLIENT_DIST, "assets", mapChunk));
    const url = `${server.url}/assets/${mapChunk}`;
    const zipped = await get(url, { "accept-encoding": "gzip" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["vary"]).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(file.length / 2);
    expect(gunzipSync(zipped.body).equals(file)).toBe(true);

    const brotli = await get(url, { "accept-encoding": "gzip, deflate, br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body).equals(file)).toBe(true);

    const plain = await get(url, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
  });

  it("keeps hashed assets for a year as immutable", async () => {
    for (const name of readdirSync(join(CLIENT_DIST, "assets")).slice(0, 5)) {
      const reply = await get(`${server.url}/assets/${name}`);
      expect(reply.status, name).toBe(200);
      expect(reply.headers["cache-control"], name).toBe("public, max-age=31536000, immutable");
    }
  });

  it("makes the browser check index.html on every load", async () => {
    for (const path of ["/", "/index.html"]) {
      const reply = await get(`${server.url}${path}`, { "accept-encoding": "gzip" });
      expect(reply.status, path).toBe(200);
      expect(reply.headers["cache-control"], path).toBe("no-cache");
      expect(reply.headers["content-type"], path).toMatch(/^text\/html/);
    }
  });

  it("caches neither an API answer nor a missing file as an asset", async () => {
    const health = await get(`${server.url}/api/health`);
    expect(health.headers["cache-control"] ?? "").not.toMatch(/immutable/);
    const missing = await get(`${server.url}/assets/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"] ?? "").not.toMatch(/immutable/);
  });
});

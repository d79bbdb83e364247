import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/**
 * Phaser's feature switches, which its own build replaces as `typeof NAME` expressions: the map needs both
 * renderers (WebGL, and canvas where a school computer has no WebGL) and no sound.
 */
const PHASER_FEATURES: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
};

/** Builds Phaser from its core sources (no physics, sound or other plugins the map never uses). */
function phaserCore(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(PHASER_FEATURES).join("|")})\\b`, "g");
  return {
    name: "phaser-core",
    transform(code, id) {
      if (!id.includes("/node_modules/phaser/src/") || !code.includes("typeof ")) return null;
      return { code: code.replace(pattern, (_, name: string) => String(PHASER_FEATURES[name])), map: null };
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [phaserCore()],
  resolve: {
    alias: [
      {
        find: /^phaser$/,
        replacement: fileURLToPath(new URL("../node_modules/phaser/src/phaser-core.js", import.meta.url)),
      },
    ],
  },
  // Phaser's sources also publish themselves on `global`, which webpack provides and a browser calls globalThis.
  define: { global: "globalThis" },
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // dist/client/.vite/manifest.json: which files each module became (the client benchmark finds the map's).
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:2567", "/matchmake": { target: "http://localhost:2567", ws: true } },
  },
});

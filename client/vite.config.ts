import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:2567", "/matchmake": { target: "http://localhost:2567", ws: true } },
  },
});

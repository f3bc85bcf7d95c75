import { defineConfig } from "vite";
import preact from "@preact/preset-vite";

// Built by WebFrontend.csproj (target BuildDashboard) into ../wwwroot, which WebFrontend serves
// (Dashboard/DashboardHosting.cs). `npm run dev` proxies the API and the hub to `./conversations up`.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:5080",
      "/hubs": { target: "http://127.0.0.1:5080", ws: true },
    },
  },
});

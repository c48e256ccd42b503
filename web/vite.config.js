// Vite builds the UI into dist/ (served by `zeren serve --web-root web/dist`); Vitest runs the
// component tests under tests/ in jsdom. `npm run dev` proxies the API to a local `zeren serve`.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.ZEREN_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.js'],
    // Element Plus loads async-validator in a form Node cannot use unless Vite transforms it:
    // without this every el-form rule passes silently in tests.
    server: { deps: { inline: ['element-plus'] } },
    // A page test mounts the whole page with Element Plus; on a loaded 2-core machine (the build
    // running beside it) one took more than Vitest's default 5 s. A limit, not a measurement.
    testTimeout: 30000,
  },
})

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its package folder at run time; bundling it
  // breaks that (ERR_INVALID_ARG_TYPE ... instance of URL). The database drivers stay external too.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

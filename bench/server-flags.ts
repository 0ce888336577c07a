// How `npm start` runs the server (package.json), for the scripts that start it themselves.
// A V8 heap capped at 512 MB: with the default cap (a sixth of the machine's memory, ~4 GB
// here) V8 lets garbage pile up between full collections, and a 1M-row CSV export took the
// server from ~190 MB to 300-330 MB; capped, it stays near 225 MB at the same rate. The app
// itself never holds more than a few tens of MB (pages are bounded, the export streams).
export const SERVER_NODE_FLAGS = ["--max-old-space-size=512"];

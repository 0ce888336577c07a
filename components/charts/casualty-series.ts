// Killed solid, injured dashed; Chinese victims in red, all victims in dark grey: two cues, not colour alone.
export const CASUALTY_SERIES = [
  { key: "chineseKilled", label: "Chinese killed", color: "#991b1b", dash: undefined },
  { key: "chineseInjured", label: "Chinese injured", color: "#dc2626", dash: "6 4" },
  { key: "totalKilled", label: "All killed", color: "#292524", dash: undefined },
  { key: "totalInjured", label: "All injured", color: "#78716c", dash: "6 4" },
] as const;

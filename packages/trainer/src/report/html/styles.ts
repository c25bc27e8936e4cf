/** The page's only stylesheet: system fonts, no network. */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #6b6b70; --rule: #e3e3e8; --accent: #4269d0; --good: #1f7a3a; --bad: #b3261e; --warn-bg: #fff4e5; --warn-rule: #e8a33d; }
* { box-sizing: border-box; }
body { margin: 0; background: #fafafa; color: var(--ink); font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 40px 48px 64px; background: #fff; min-height: 100vh; box-shadow: 0 0 0 1px var(--rule); }
header { border-bottom: 2px solid var(--ink); padding-bottom: 14px; margin-bottom: 24px; }
h1 { font-size: 26px; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 40px 0 6px; padding-top: 14px; border-top: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 22px 0 6px; }
p { margin: 6px 0 10px; max-width: 820px; }
.meta { color: var(--muted); font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
.meta code { font-size: 12px; }
.lede { font-size: 16px; background: #f4f6fb; border-left: 4px solid var(--accent); padding: 12px 16px; max-width: none; }
.note { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 13.5px; margin: 10px 0 14px; }
th, td { padding: 5px 9px; text-align: right; border-bottom: 1px solid var(--rule); white-space: nowrap; }
th { vertical-align: bottom; font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; border-bottom: 1px solid var(--ink); }
td:first-child, th:first-child { text-align: left; }
tr.group td { background: #f5f5f7; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; font-weight: 600; }
tr.best-baseline td { background: #fff8d6; font-weight: 600; }
tr.ensemble td { font-weight: 600; }
.ci { display: block; color: var(--muted); font-size: 11.5px; font-weight: 400; text-transform: none; letter-spacing: 0; }
td.remark { text-align: left; color: var(--muted); font-size: 12.5px; font-weight: 400; }
.tag { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11.5px; font-weight: 600; }
.tag.better { background: #dff3e4; color: var(--good); }
.tag.worse { background: #fde2df; color: var(--bad); }
.tag.noise { background: #ececf0; color: var(--muted); }
.tag.base { background: #f3e6a6; color: #6b5700; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: 0; }
.box { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.box.alarm { background: var(--warn-bg); border: 2px solid var(--warn-rule); }
.box.alarm h3 { color: #8a4b00; margin-top: 0; }
.box.ok { background: #effaf1; border-color: #b7e1c0; }
.box ul { margin: 6px 0 0; padding-left: 20px; }
.canaries td:first-child { white-space: normal; }
.grid { display: flex; flex-wrap: wrap; gap: 18px 28px; align-items: flex-start; }
figure { margin: 8px 0 16px; }
figcaption { color: var(--muted); font-size: 12.5px; max-width: 720px; }
svg { display: block; overflow: visible; font-family: inherit; }
svg .grid { stroke: #ececf0; }
svg .axis { stroke: #444; }
svg .frame { fill: none; stroke: #ccc; }
svg .reference { stroke: #999; stroke-dasharray: 4 3; }
svg .tick { font-size: 11px; fill: #555; }
svg .label { font-size: 11.5px; fill: #555; }
svg .note { font-size: 10.5px; fill: #777; }
svg .legend { font-size: 12px; fill: #222; }
svg .cell { font-size: 17px; font-weight: 600; }
details { margin-top: 10px; }
pre { background: #f6f6f8; padding: 12px; overflow-x: auto; font-size: 12px; }
.pass { color: var(--good); font-weight: 600; }
.fail { color: var(--bad); font-weight: 600; }
`;

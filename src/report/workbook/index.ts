// report.xlsx, the consultant workbook: written into its file as it is made (render.ts), so a run
// of any size has one, in flat memory.
import type { Render } from "../format.js";
import { renderWorkbook } from "./render.js";

export const render: Render = (input) => ({ "report.xlsx": { writeTo: (out) => renderWorkbook(input, out) } });

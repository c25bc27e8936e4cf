export { tabularColumnName, tabularColumnReach, type TabularColumn, type TabularOp } from './TabularColumn';
export { checkTabularSpec, createTabularSpec, defaultTabularColumns, TABULAR_SPEC_VERSION, type TabularSpec } from './TabularSpec';
export { compileTabularSpec, fillTabular, tabularRowFromWindow, writeTabularRow, type TabularPlan } from './fillTabular';

export { fromTfjsModel } from './fromTfjsModel';
export { UnsupportedModelError } from './UnsupportedModelError';

// Server errors on form fields are the kit's now (web/src/kit/server-errors.ts); this path stays
// only for the facilities pages being moved to web/src/modules/facilities. Import from the kit.
export { fieldPath, useServerError } from '../kit/index.ts';

import type { RenewalPart } from '../renewal.part.ts';

/** Rural sewage facilities (农村污水处理设施) with coverage and compliance, and landscape districts (风貌区). */
export const facilitiesPart: RenewalPart = {
  permissions: [],
  migrations: {},
  routes: () => {},
  menu: [],
  excel: [],
  demo: async () => {},
};

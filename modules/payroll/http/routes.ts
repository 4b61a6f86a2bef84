import { newRouter } from '../../../kernel/http';
import type { TenantRunner } from '../../../kernel/tenancy';
import type { PayrollService } from '../service';
import { recordRoutes } from './record-routes';
import { runRoutes } from './run-routes';
import { selfServiceRoutes } from './self-service-routes';

/** Every payroll route (OpenAPI documented), mounted by the server. */
export function payrollRoutes(deps: { runner: TenantRunner; payroll: PayrollService }) {
  const app = newRouter();
  recordRoutes(app, deps);
  runRoutes(app, deps);
  selfServiceRoutes(app, deps);
  return app;
}

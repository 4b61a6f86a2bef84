import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../kernel/http';
import type { Platform } from '../platform/platform';
import { auditPages } from './pages/audit';
import { authPages } from './pages/auth';
import { frameworkPages } from './pages/framework';
import { homePage } from './pages/home';
import { insightPages } from './pages/insight';
import { ledgerPages } from './pages/ledger';
import { payablesPages } from './pages/payables';
import { payablesPaymentPages } from './pages/payables-payments';
import { payrollPages } from './pages/payroll';
import { myPayPages } from './pages/payroll-my-pay';
import { procurementPages } from './pages/procurement';
import { procurementOrderPages } from './pages/procurement-orders';
import { procurementSupplierPages } from './pages/procurement-suppliers';
import { systemPages } from './pages/system';
import { MAINSTAY_CSS } from './styles';

/**
 * The web app: server-rendered NHS.UK pages that call the module services in
 * process (see the README's architecture section for why not a browser SPA).
 * Works without JavaScript; the NHS.UK script adds the menu and error focus.
 */
export function mountWebApp(platform: Platform, options: { secureCookies: boolean; oidcEnabled: boolean }) {
  return (app: OpenAPIHono<AppEnv>) => {
    app.get('/assets/web/mainstay.css', (c) =>
      c.body(MAINSTAY_CSS, 200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      }),
    );
    authPages(app, platform, options);
    homePage(app);
    ledgerPages(app, platform);
    payablesPages(app, platform);
    payablesPaymentPages(app, platform);
    payrollPages(app, platform);
    myPayPages(app, platform);
    procurementPages(app, platform);
    procurementOrderPages(app, platform);
    procurementSupplierPages(app, platform);
    frameworkPages(app, platform);
    systemPages(app, platform);
    insightPages(app, platform);
    auditPages(app, platform);
  };
}

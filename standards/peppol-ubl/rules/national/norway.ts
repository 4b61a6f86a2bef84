/** Norwegian national rules (NO-R-001, NO-R-002): the seller's organisation number and register. */
import { normalized, text } from '../../xpath/nav';
import { substring } from '../../xpath/values';
import type { RuleSet } from '../engine';
import { mod11Valid } from '../peppol/checksums';
import { supplierCountry } from '../peppol/variables';
import { companyIds, taxSchemesNamed } from './shared';

export const norwayRules: RuleSet = {
  rules: [
    {
      on: ['cac:Party'],
      where: (party, context) =>
        party.parent?.name === 'cac:AccountingSupplierParty' && supplierCountry(context) === 'NO',
      assert: {
        'NO-R-002': (party) =>
          normalized(companyIds(taxSchemesNamed(party, 'TAX'))[0]) === 'Foretaksregisteret',
        // A Norwegian VAT identifier is NO + nine digits with a mod-11 check digit + MVA.
        'NO-R-001': (party) => {
          const vatIds = companyIds(taxSchemesNamed(party, 'VAT')).map(text);
          if (!vatIds.some((id) => substring(id, 1, 2) === 'NO')) return true;
          const id = vatIds[0] ?? '';
          return (
            substring(id, 1, 2) === 'NO' &&
            /^[0-9]{9}MVA$/.test(substring(id, 3)) &&
            mod11Valid(substring(id, 3, 9))
          );
        },
      },
    },
  ],
};

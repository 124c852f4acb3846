import { describe, expect, it } from 'vitest';
import {
  INVENTORY_TABS,
  inventorySearch,
  parseInventoryFilter,
  toInventory,
} from '../app/src/inventory/routes.ts';

const parse = (query: string) => parseInventoryFilter(new URLSearchParams(query));

describe('the inventory filter in the URL', () => {
  it('puts every status in exactly one tab', () => {
    const all = [...INVENTORY_TABS.assigned, ...INVENTORY_TABS.stock].sort();
    expect(all).toEqual(
      ['CONFIGURED', 'ENROLLED', 'IN_STOCK', 'NOT_CONFIGURED', 'READY', 'REVOKED'].sort(),
    );
  });

  it('round-trips tab, search, status and cursor, leaving defaults out', () => {
    const filter = { tab: 'assigned', q: 'alice', status: 'ENROLLED', cursor: 'KW0042' } as const;
    expect(inventorySearch(filter)).toBe('?q=alice&status=ENROLLED&cursor=KW0042');
    expect(parse(inventorySearch(filter))).toEqual(filter);
    expect(toInventory({ tab: 'stock' })).toBe('/inventory?tab=stock');
    expect(toInventory()).toBe('/inventory');
  });

  it('drops an unknown tab, a status of another tab and a blank search', () => {
    expect(parse('tab=lost&status=IN_STOCK&q=%20%20')).toEqual({
      tab: 'assigned',
      q: undefined,
      status: undefined,
      cursor: undefined,
    });
    expect(parse('tab=stock&status=ENROLLED').status).toBeUndefined();
  });
});

/** Words for unit data: validity periods and attribute values, in the reader's language. */
import { regions, type AttributeKey } from '../../../../src/contracts/units.js';
import type { TFunction } from '../../i18n/index.js';

export { validityText } from '../../lib/validity.js';

/** An attribute's value as words: "Trung du và miền núi phía Bắc", "Nhóm 2", "Có". */
export function attributeValueText(key: AttributeKey, value: string | boolean | number | null, t: TFunction): string {
  if (value === null) return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const v = String(value);
  switch (key) {
    case 'region':
      return (regions as readonly string[]).includes(v) ? t(`region.${v as (typeof regions)[number]}`) : v;
    case 'communeGroup':
      return t('communeGroup.value', { value: v });
    case 'ethnicArea':
      return t('ethnicArea.value', { value: v });
    default:
      return v;
  }
}

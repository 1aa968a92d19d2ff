import { registerStrings } from '../../shared/i18n/i18n';
import { LOANS_EN } from './loans-i18n.en';
import { LOANS_VI } from './loans-i18n.vi';

export const LOANS_NS = registerStrings('loans', { vi: LOANS_VI, en: LOANS_EN });

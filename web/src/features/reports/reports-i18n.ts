import { registerStrings } from '../../shared/i18n/i18n';
import { REPORTS_EN } from './reports-i18n.en';
import { REPORTS_VI } from './reports-i18n.vi';

export const REPORTS_NS = registerStrings('reports', { vi: REPORTS_VI, en: REPORTS_EN });

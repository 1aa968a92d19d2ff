import { Badge, Notification, createTheme } from '@mantine/core';

export const theme = createTheme({
  // Users who ask their system for less motion get no transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  primaryColor: 'blue',
  // White text on blue 8 passes WCAG AA (4.6:1); Mantine's default shade 6 does not (axe: color-contrast).
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // Vietnamese words in capitals lose legibility (stacked diacritics): badges keep the case they are written in.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
    // A titled notification's message is dimmed gray by default (3.3:1 on white, axe: color-contrast): plain text colour.
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-text)' } } }),
  },
});

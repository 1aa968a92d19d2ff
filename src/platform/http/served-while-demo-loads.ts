import { SetMetadata } from '@nestjs/common';

export const SERVED_WHILE_DEMO_LOADS_KEY = 'lms:served-while-demo-loads';

/**
 * A controller (or route) that answers while the demo portfolio loads: sign-in, users, health,
 * the demo's own status and reference data. Every other route gets 503 DEMO.LOADING until the
 * load is done, rather than answering from half a portfolio.
 */
export const ServedWhileDemoLoads = (): MethodDecorator & ClassDecorator => SetMetadata(SERVED_WHILE_DEMO_LOADS_KEY, true);

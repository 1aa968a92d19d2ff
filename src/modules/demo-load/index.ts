export { DemoLoadModule } from './demo-load.module.js';
export { DEMO_LOAD_STALE_SECONDS, DemoLoadService, markDemoLoading, readDemoMarker } from './services/demo-load.service.js';
export { type DemoState, DemoCountDto, DemoProgressDto, DemoStatusDto } from './dto/demo-status.dto.js';
export { DemoLoadErrors } from './demo-load.errors.js';

export { WorkspaceModule } from './workspace.module.js';

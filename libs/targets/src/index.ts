export * from './projection';
export * from './targets.module';
export * from './targets.service';
export * from './targets.types';

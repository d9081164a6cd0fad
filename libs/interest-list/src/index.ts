export * from './interest-list.entities';
export * from './interest-list.module';
export * from './interest-list.service';
export * from './dto/interest-list.inputs';

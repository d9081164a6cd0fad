export * from './catalogue.entities';
export * from './catalogue.module';
export * from './catalogue.service';
export * from './dto/catalogue.inputs';

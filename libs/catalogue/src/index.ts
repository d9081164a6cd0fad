export * from './catalogue.entities';
export * from './catalogue.module';
export * from './catalogue.service';
export * from './dto/catalogue.inputs';
export * from './dto/module-version.inputs';
export * from './module-changes';
export * from './module-versions.service';
export * from './translations/module-translation';

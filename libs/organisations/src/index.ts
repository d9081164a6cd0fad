export * from './dto/organisation.inputs';
export * from './issuer-identity.service';
export * from './issuer-key.entity';
export * from './organisation.entity';
export * from './organisations.module';
export * from './organisations.service';

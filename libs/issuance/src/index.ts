export * from './credential-issuance.service';
export * from './credential.entity';
export * from './issuance.module';

export * from './certificate-pdf';
export * from './credential-facts';
export * from './share-link.entity';
export * from './share-links.service';
export * from './sharing.errors';
export * from './sharing.module';
export * from './web-root';

export { ProductsModule } from './products.module.js';
export { LoanProductsService, type ProductVersionTerms } from './services/loan-products.service.js';
export * from './domain/product-parameters.js';

/**
 * The signed-in part of the header, one lazily loaded chunk (`SignedInHeaderLoader`, ADR 0010):
 * the account tools and the navigation with the members' pages.
 */
export { AccountTools } from './account-tools';
export { MemberNav } from './member-nav';

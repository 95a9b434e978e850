/**
 * OAuth2 resource server: roles reporter, analyst, national, operator and dpo, and the reporting unit (organisation and municipality)
 * that every request acts for, taken from the token and never from the body.
 */
package org.housingfirst.edge.security;

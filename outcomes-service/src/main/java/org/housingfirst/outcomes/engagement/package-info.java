/** Support engagement in a calendar month: contacts per participant-month, participants without contact, offer decline rate. */
package org.housingfirst.outcomes.engagement;

package dev.doppel.adapter.web.auth;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The 429 of an operation that spends the sign-in allowance (doppel.security.login-throttle). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "429",
    description = "Too many attempts for this username or from this address; wait Retry-After seconds",
    headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = "integer")))
@interface ThrottledResponse {}

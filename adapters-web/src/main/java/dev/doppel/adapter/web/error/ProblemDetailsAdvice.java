package dev.doppel.adapter.web.error;

import dev.doppel.adapter.web.security.RequestBodyTooLargeException;
import dev.doppel.adapter.web.security.TooManyAttemptsException;
import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.InvalidCredentialsException;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.in.TooManyJobsException;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.ExternalDatabaseException;
import dev.doppel.application.port.out.NonEmptyTargetTableException;
import dev.doppel.domain.dataset.profile.InvalidTableException;
import dev.doppel.domain.schema.InvalidSchemaException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error leaves as application/problem+json with a message a user can act on; never a stack trace. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(InvalidTableException.class)
  ResponseEntity<ProblemDetail> invalidTable(InvalidTableException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid table", e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(InvalidSchemaException.class)
  ResponseEntity<ProblemDetail> invalidSchema(InvalidSchemaException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid schema", e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(InvalidCredentialsException.class)
  ResponseEntity<ProblemDetail> badCredentials(InvalidCredentialsException e, HttpServletRequest request) {
    return problem(HttpStatus.UNAUTHORIZED, "Login failed", e.getMessage(), null, request);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", e.getMessage(), e.field(), request);
  }

  @ExceptionHandler(TooManyAttemptsException.class)
  ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttemptsException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", e.getMessage(), null, request);
    return ResponseEntity.status(problem.getStatusCode())
        .headers(problem.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(problem.getBody());
  }

  @ExceptionHandler(TooManyJobsException.class)
  ResponseEntity<ProblemDetail> tooManyJobs(TooManyJobsException e, HttpServletRequest request) {
    return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many jobs", e.getMessage(), null, request);
  }

  @ExceptionHandler(EngineException.class)
  ResponseEntity<ProblemDetail> engineUnavailable(EngineException e, HttpServletRequest request) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Engine unavailable", e.getMessage(), null, request);
  }

  /** The user's database, not this service, failed: 422 with the reason in words a script can match. */
  @ExceptionHandler(ExternalDatabaseException.class)
  ResponseEntity<ProblemDetail> databaseUnusable(ExternalDatabaseException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Database unusable", e.getMessage(), null, request);
    answer.getBody().setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
    return answer;
  }

  /** A write would have put rows into a table that holds some: 409 naming the table, and replaceExisting as the way out. */
  @ExceptionHandler(NonEmptyTargetTableException.class)
  ResponseEntity<ProblemDetail> targetTableHoldsRows(NonEmptyTargetTableException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), "replaceExisting", request);
    answer.getBody().setProperty("table", e.table());
    return answer;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getName() + " must be a " + expected, e.getName(), request);
  }

  /** The answer names no internals; the log has the details under the same reference. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error("Unexpected failure on {} {} (ref {})", request.getMethod(), request.getRequestURI(), reference, e);
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "something went wrong on our side; the error was logged (ref " + reference + ")", null, request);
    response.getBody().setProperty("reference", reference);
    return response;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldError first = e.getBindingResult().getFieldError();
    String field = first == null ? null : first.getField();
    String detail = first == null ? "the request is invalid" : first.getField() + " " + first.getDefaultMessage();
    return body(HttpStatus.BAD_REQUEST, "Invalid request", detail, field, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (e.getMostSpecificCause() instanceof RequestBodyTooLargeException tooLarge) {
      return body(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", tooLarge.getMessage(), "body", request);
    }
    return body(HttpStatus.BAD_REQUEST, "Invalid request", "the request body is missing or is not valid JSON of the expected shape", "body", request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(HttpStatus.BAD_REQUEST, "Invalid request", e.getParameterName() + " is required", e.getParameterName(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(HttpStatus.BAD_REQUEST, "Invalid request", "the multipart part '" + e.getRequestPartName() + "' is required", e.getRequestPartName(), request);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "";
    return body(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "the file is larger than the upload limit" + limit, "file", request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return body(HttpStatus.NOT_FOUND, "Not found", "there is nothing at " + e.getResourcePath(), null, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> problem = body(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMethod() + " is not supported here", null, request);
    // headers carries Allow: the methods the path does support.
    return ResponseEntity.status(problem.getStatusCode()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> badMultipart(MultipartException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request must be multipart/form-data with a 'file' part", "file", request);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, @Nullable String field, HttpServletRequest request) {
    ProblemDetail problem = Problems.of(status, title, detail, field);
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ResponseEntity<Object> body(HttpStatus status, String title, String detail, @Nullable String field, WebRequest request) {
    ProblemDetail problem = Problems.of(status, title, detail, field);
    if (request instanceof NativeWebRequest nativeRequest && nativeRequest.getNativeRequest() instanceof HttpServletRequest http) {
      problem.setInstance(URI.create(http.getRequestURI()));
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}

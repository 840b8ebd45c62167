import { z } from 'zod';
import { refuseCredential } from './plainText';
import {
  KUBERNETES_NAME_RULES,
  NameRule,
  tooLongMessage,
} from './kubernetesNameRules';

// Kubernetes and Helm name rules (from kubernetesNameRules), with the messages a form user
// needs to fix a name.

/** A name under one of KUBERNETES_NAME_RULES. */
export const ruledName = (rule: NameRule) =>
  z
    .string()
    .max(rule.maxLength, { error: tooLongMessage(rule) })
    .regex(rule.pattern, { error: `must be ${rule.shape}` });

/** A namespace (RFC 1123 label, at most 63 characters). */
export const namespaceName = () => ruledName(KUBERNETES_NAME_RULES.namespace);

/** A Helm release name: a DNS label of at most 53 characters (Helm's own limit). */
export const helmReleaseName = () =>
  ruledName(KUBERNETES_NAME_RULES.helmRelease);

/** The name of a Secret, ConfigMap or ServiceAccount (RFC 1123 subdomain, at most 253 characters). */
export const objectName = () => ruledName(KUBERNETES_NAME_RULES.object);

/** A key inside a ConfigMap or Secret. */
export const configMapKey = () =>
  z
    .string()
    .max(253, { error: 'must be at most 253 characters' })
    .regex(/^[-._a-zA-Z0-9]+$/, {
      error: 'must be letters, digits, "-", "_" or "."',
    })
    // Mixed case is allowed, so an AWS access key id would pass the pattern.
    .superRefine(refuseCredential);

/** A DNS host name for an Ingress rule (no wildcard, no port). */
export const hostName = () =>
  z
    .string()
    .max(253, { error: 'must be at most 253 characters' })
    .regex(KUBERNETES_NAME_RULES.object.pattern, {
      error:
        'must be a lowercase DNS host name such as gateway.example.com (no scheme, port or path)',
    });

/** An IAM role ARN, as IRSA annotations, assumed-role log stores and Bedrock use. */
export const iamRoleArn = () =>
  z.string().regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, {
    error:
      'must be an IAM role ARN such as arn:aws:iam::123456789012:role/portkey-logs',
  });

/** An AWS region such as us-east-1. */
export const awsRegion = () =>
  z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, {
    error: 'must be an AWS region such as us-east-1',
  });

/** An S3-style bucket name. */
export const bucketName = () =>
  z
    .string()
    .min(3, { error: 'must be 3 to 63 characters' })
    .max(63, { error: 'must be 3 to 63 characters' })
    .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, {
      error: 'must be a bucket name: lowercase letters, digits, "." and "-"',
    });

/** A catalog entity reference such as group:default/platform-team. */
export const entityRef = () =>
  z
    .string()
    .regex(
      /^([a-zA-Z]+:)?([a-z0-9][a-z0-9._-]*\/)?[a-zA-Z0-9][a-zA-Z0-9._-]*$/,
      {
        error:
          'must be an entity reference such as group:default/platform-team',
      },
    )
    // Mixed case is allowed, so an AWS access key id would pass the pattern.
    .superRefine(refuseCredential);

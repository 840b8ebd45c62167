import { GatewayInput } from '../model/gatewayInput';
import { gatewayServiceAccountName } from '../render/renderChartValues';

// IAM documents a reviewer has to create in AWS, filled in from the input (as the chart
// README gives them). Unknown parts stay as <placeholders>; nothing here is a secret.

const PORTKEY_PRINCIPAL = '<arn_shared_by_portkey>';

export function bucketPolicy(buckets: string[]) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: buckets.flatMap(b => [
          `arn:aws:s3:::${b}`,
          `arn:aws:s3:::${b}/*`,
        ]),
      },
    ],
  };
}

export function externalIdTrust(principalArn: string, externalId?: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: principalArn },
        Action: 'sts:AssumeRole',
        ...(externalId
          ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } }
          : {}),
      },
    ],
  };
}

export const portkeyTrust = (externalId: string) =>
  externalIdTrust(PORTKEY_PRINCIPAL, externalId);

/** The trust relationship an IRSA role needs for the gateway's service account. */
export function irsaTrust(input: GatewayInput, roleArn: string) {
  const account = roleArn.split(':')[4];
  const partition = roleArn.split(':')[1];
  const oidc =
    '<eks-oidc-provider, e.g. oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE>';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          Federated: `arn:${partition}:iam::${account}:oidc-provider/${oidc}`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${oidc}:sub`]: `system:serviceaccount:${
              input.gateway.namespace
            }:${gatewayServiceAccountName(input)}`,
            [`${oidc}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  };
}

export const BEDROCK_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'bedrock:InvokeModel',
        'bedrock:InvokeModelWithResponseStream',
        'bedrock:GetInferenceProfile',
      ],
      Resource: '*',
    },
  ],
};
